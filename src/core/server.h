/* server.h — the FastCGI master/worker processes and the one-shot CGI mode. */
#ifndef OPSPLAN_SERVER_H
#define OPSPLAN_SERVER_H
#include "core/arena.h"
#include "core/buf.h"

/* Runs the master: compiles stylesheets, opens the socket (unix path, or host:port when listen
 * is set), forks cfg.workers workers, respawns them, stops on SIGTERM/SIGINT. Exit status. */
int server_serve(const char *socket_path, const char *listen, int workers);
/* Answers one request as CGI from environ/stdin to stdout. Exit status. */
int server_cgi(void);
/* Handles one request given its params and body (body_err: 0, 400 or 413 found while reading);
 * appends the whole response (CGI-style headers + body) to out. Used by both modes and tests. */
void server_handle(char **env, const char *body, size_t len, int body_err, struct buf *out);
#endif
