/* server.c — processes, not threads. The master compiles every stylesheet, opens the listening
 * socket, forks single-threaded workers (each opens its own SQLite connection after the fork),
 * replaces a worker that dies and drives shutdown itself: libfcgi would swallow SIGTERM inside
 * accept, so workers install their own handler and accept with FCGI_FAIL_ACCEPT_ON_INTR. */
#include "core/server.h"
#include "core/auth.h"
#include "core/cache.h"
#include "core/config.h"
#include "core/db.h"
#include "core/migrate.h"
#include "core/http.h"
#include "core/render.h"
#include "core/route.h"
#include <errno.h>
#include <fcgiapp.h>
#include <grp.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

void
server_handle(char **env, const char *body, size_t len, int body_err, struct buf *out)
{
	struct arena a = {0};
	struct req rq = { .a = &a };
	struct resp rs = { .status = 200 };
	http_parse(&rq, env, body_err ? "" : body, body_err ? 0 : len);
	if (body_err) {
		rq.err_status = body_err;
		rq.err_key = body_err == 413 ? "error.body_too_large" : "error.400";
		rq.err_field = "";
	}
	route_dispatch(&rq, &rs);
	const char *m = rq.method ? rq.method : "GET";
	http_serialize(&rs, !strcmp(m, "HEAD"), out);
	buf_free(&rs.body);
	buf_free(&rs.extra);
	arena_reset(&a);
}

/* The largest body the request may send: max_upload for a route that takes files, else
 * max_body. param looks up a FastCGI/CGI parameter. */
static long
body_limit(const char *(*param)(const char *, void *), void *arg)
{
	const char *path = param("DOCUMENT_URI", arg);
	if (!path || !*path) path = param("PATH_INFO", arg);
	return route_takes_files(param("REQUEST_METHOD", arg), path) ? cfg.max_upload : cfg.max_body;
}

static const char *
fcgx_param(const char *name, void *envp)
{
	return FCGX_GetParam(name, (FCGX_ParamArray)envp);
}

static const char *
env_param(const char *name, void *arg)
{
	(void)arg;
	return getenv(name);
}

/* Reads the body announced by CONTENT_LENGTH (at most max bytes) through readfn; returns 0,
 * 400 or 413. */
static int
read_body(const char *clen, long max, struct buf *body, int (*readfn)(void *, char *, int), void *arg)
{
	long n = http_content_length(clen, max);
	if (n < 0) return (int)-n;
	char chunk[16384];
	long got = 0;
	for (;;) {
		int want = (int)sizeof chunk;
		int r = readfn(arg, chunk, want);
		if (r <= 0) break;
		got += r;
		if (got > n) return 400;
		buf_add(body, chunk, (size_t)r);
	}
	return got == n ? 0 : 400;
}

static int
fcgx_read(void *arg, char *p, int n)
{
	return FCGX_GetStr(p, n, (FCGX_Stream *)arg);
}

static int
stdin_read(void *arg, char *p, int n)
{
	(void)arg;
	return (int)fread(p, 1, (size_t)n, stdin);
}

static int
open_runtime(int create_key)
{
	char err[600];
	if (db_open(cfg.db, 0, err, sizeof err) || auth_key_load(create_key, err, sizeof err)) {
		fprintf(stderr, "opsplan: %s\n", err);
		return -1;
	}
	if (db_version() != migrate_latest()) {
		fprintf(stderr, "opsplan: database schema %d, program expects %d: run 'opsplan migrate'\n",
			db_version(), migrate_latest());
		return -1;
	}
	return 0;
}

int
server_cgi(void)
{
	char err[600];
	if (render_init(cfg.xslt_dir, err, sizeof err)) {
		fprintf(stderr, "opsplan: %s\n", err);
		fputs("Status: 500 Internal Server Error\r\nContent-Type: text/plain\r\n\r\nopsplan: not configured\n", stdout);
		return 1;
	}
	if (open_runtime(0)) {
		fputs("Status: 503 Service Unavailable\r\nContent-Type: text/plain\r\n\r\nopsplan: database unavailable\n", stdout);
		return 1;
	}
	struct buf body = {0}, out = {0};
	const char *clen = getenv("CONTENT_LENGTH");
	int berr = read_body(clen, body_limit(env_param, NULL), &body, stdin_read, NULL);
	server_handle(environ, buf_str(&body), body.len, berr, &out);
	fwrite(out.p, 1, out.len, stdout);
	fflush(stdout);
	buf_free(&body);
	buf_free(&out);
	db_close();
	render_free();
	return 0;
}

/* ---- worker ---- */

static volatile sig_atomic_t w_stop, w_in_accept;

static void
worker_signal(int sig)
{
	(void)sig;
	if (w_in_accept) _exit(0);
	w_stop = 1;
}

static void
worker(int fd)
{
	struct sigaction sa = { .sa_handler = worker_signal };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGCHLD, SIG_DFL);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	if (open_runtime(0)) _exit(3);
	cache_init(cfg.render_cache, 4u << 20);
	/* no fastbins: freeing a large result tree otherwise ends in long malloc_consolidate runs,
	 * and memory goes back to the system between requests */
	mallopt(M_MXFAST, 0);
	FCGX_Request req;
	FCGX_InitRequest(&req, fd, FCGI_FAIL_ACCEPT_ON_INTR);
	struct buf body = {0}, out = {0};
	while (!w_stop) {
		w_in_accept = 1;
		if (w_stop) break;
		int rc = FCGX_Accept_r(&req);
		w_in_accept = 0;
		if (rc < 0) {
			if (w_stop) break;
			if (errno != EINTR) {
				struct timespec ts = { 0, 100 * 1000 * 1000 };
				nanosleep(&ts, NULL);
			}
			continue;
		}
		body.len = out.len = 0;
		int berr = read_body(FCGX_GetParam("CONTENT_LENGTH", req.envp), body_limit(fcgx_param, req.envp),
				     &body, fcgx_read, req.in);
		server_handle(req.envp, buf_str(&body), body.len, berr, &out);
		if (FCGX_PutStr(out.p, (int)out.len, req.out) < 0)
			fprintf(stderr, "opsplan: client went away before the response was written\n");
		FCGX_Finish_r(&req);
		if (body.cap > (1u << 20)) buf_free(&body);
		if (out.len > (256u << 10)) {   /* a large page: give its result trees' memory back, */
			static time_t trimmed;      /* at most every few seconds (repeats are cached) */
			buf_free(&out);
			if (time(NULL) - trimmed >= 5) {
				malloc_trim(0);
				trimmed = time(NULL);
			}
		}
	}
	buf_free(&body);
	buf_free(&out);
	db_close();
	_exit(0);
}

/* ---- master ---- */

static volatile sig_atomic_t m_stop, m_child;

static void
master_signal(int sig)
{
	if (sig == SIGCHLD) m_child = 1;
	else m_stop = 1;
}

static pid_t
spawn(int fd)
{
	pid_t pid = fork();
	if (pid == 0) worker(fd);
	if (pid < 0) perror("opsplan: fork");
	return pid;
}

int
server_serve(const char *socket_path, const char *listen, int workers)
{
	char err[600];
	if (render_init(cfg.xslt_dir, err, sizeof err)) {
		fprintf(stderr, "opsplan: %s\n", err);
		return 1;
	}
	/* check the database and key once, then close: no connection crosses fork() */
	if (open_runtime(0)) return 1;
	sqlite3_stmt *jm;
	char mode[16] = "?";
	if (sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &jm, NULL) == SQLITE_OK && sqlite3_step(jm) == SQLITE_ROW)
		snprintf(mode, sizeof mode, "%s", (const char *)sqlite3_column_text(jm, 0));
	sqlite3_finalize(jm);
	fprintf(stderr, "opsplan: database %s: schema %d, journal_mode=%s synchronous=%lld foreign_keys=%lld busy_timeout=%lld\n",
		cfg.db, db_version(), mode, db_int("PRAGMA synchronous", ""), db_int("PRAGMA foreign_keys", ""),
		db_int("PRAGMA busy_timeout", ""));
	db_close();
	if (listen && !getenv("FCGI_WEB_SERVER_ADDRS"))
		setenv("FCGI_WEB_SERVER_ADDRS", "127.0.0.1", 1);
	if (FCGX_Init()) {
		fprintf(stderr, "opsplan: FCGX_Init failed\n");
		return 1;
	}
	struct stat st;
	if (!listen && lstat(socket_path, &st) == 0) {
		if (!S_ISSOCK(st.st_mode)) {
			fprintf(stderr, "opsplan: %s exists and is not a socket\n", socket_path);
			return 1;
		}
		unlink(socket_path);
	}
	mode_t old = umask(0177);
	int fd = FCGX_OpenSocket(listen ? listen : socket_path, 128);
	umask(old);
	if (fd < 0) {
		fprintf(stderr, "opsplan: cannot listen on %s: %s\n", listen ? listen : socket_path, strerror(errno));
		return 1;
	}
	if (!listen) {
		if (cfg.socket_group[0]) {
			struct group *g = getgrnam(cfg.socket_group);
			if (!g || chown(socket_path, (uid_t)-1, g->gr_gid)) {
				fprintf(stderr, "opsplan: cannot give %s to group %s\n", socket_path, cfg.socket_group);
				close(fd);
				unlink(socket_path);
				return 1;
			}
		}
		chmod(socket_path, (mode_t)cfg.socket_mode);
	}

	sigset_t block, orig;
	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, &orig);
	struct sigaction sa = { .sa_handler = master_signal };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGCHLD, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	pid_t *pids = calloc((size_t)workers, sizeof *pids);
	time_t *started = calloc((size_t)workers, sizeof *started);
	for (int i = 0; i < workers; i++) {
		pids[i] = spawn(fd);
		started[i] = time(NULL);
	}
	fprintf(stderr, "opsplan: serving on %s with %d workers (pid %d)\n", listen ? listen : socket_path,
		workers, (int)getpid());
	sigset_t wait_mask = orig;
	sigdelset(&wait_mask, SIGTERM);
	sigdelset(&wait_mask, SIGINT);
	sigdelset(&wait_mask, SIGCHLD);
	while (!m_stop) {
		if (!m_child) sigsuspend(&wait_mask);
		m_child = 0;
		int status;
		pid_t pid;
		while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
			for (int i = 0; i < workers; i++) {
				if (pids[i] != pid) continue;
				if (WIFSIGNALED(status))
					fprintf(stderr, "opsplan: worker %d died (signal %d)\n", (int)pid, WTERMSIG(status));
				else
					fprintf(stderr, "opsplan: worker %d exited (%d)\n", (int)pid, WEXITSTATUS(status));
				pids[i] = 0;
				if (m_stop) break;
				if (time(NULL) - started[i] < 1) sleep(1);   /* do not spin on a broken setup */
				pids[i] = spawn(fd);
				started[i] = time(NULL);
			}
		}
	}
	fprintf(stderr, "opsplan: stopping\n");
	close(fd);
	for (int i = 0; i < workers; i++)
		if (pids[i] > 0) kill(pids[i], SIGTERM);
	for (int tries = 0; tries < 200; tries++) {   /* 10 s grace */
		int alive = 0;
		for (int i = 0; i < workers; i++) {
			if (pids[i] <= 0) continue;
			if (waitpid(pids[i], NULL, WNOHANG) == pids[i]) pids[i] = 0;
			else alive++;
		}
		if (!alive) break;
		struct timespec ts = { 0, 50 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
	for (int i = 0; i < workers; i++)
		if (pids[i] > 0) {
			kill(pids[i], SIGKILL);
			waitpid(pids[i], NULL, 0);
		}
	if (!listen) unlink(socket_path);
	free(pids);
	free(started);
	render_free();
	return 0;
}
