/* Independent secure reference, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* Host names and IPv4/IPv6 literals only: letters, digits, '.', '-', ':'; never a leading '-'. */
static int host_ok(const char *host)
{
    size_t len = host ? strlen(host) : 0;
    if (len == 0 || len > 253 || host[0] == '-' || host[0] == '.')
        return 0;
    for (size_t i = 0; i < len; i++) {
        char c = host[i];
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
                 c == ':';
        if (!ok)
            return 0;
    }
    return 1;
}

int ping_host(const char *host, char *out, size_t out_size)
{
    if (out != NULL && out_size > 0)
        out[0] = '\0';
    if (!host_ok(host) || out == NULL || out_size == 0)
        return -1;
    int pipefd[2];
    if (pipe(pipefd) != 0)
        return -1;
    pid_t pid = fork();
    if (pid < 0) {
        close(pipefd[0]);
        close(pipefd[1]);
        return -1;
    }
    if (pid == 0) {
        /* Child: no shell; the host is a single argv element. */
        dup2(pipefd[1], STDOUT_FILENO);
        dup2(pipefd[1], STDERR_FILENO);
        close(pipefd[0]);
        close(pipefd[1]);
        char *const argv[] = {"ping", "-c", "1", (char *)host, NULL};
        execvp("ping", argv);
        _exit(127);
    }
    close(pipefd[1]);
    size_t used = 0;
    char drain[512];
    for (;;) {
        ssize_t r;
        if (used + 1 < out_size)
            r = read(pipefd[0], out + used, out_size - 1 - used);
        else
            r = read(pipefd[0], drain, sizeof drain); /* keep reading so the child never blocks */
        if (r < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (r == 0)
            break;
        if (used + 1 < out_size)
            used += (size_t)r;
    }
    out[used] = '\0';
    close(pipefd[0]);
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return -1;
    }
    if (!WIFEXITED(status))
        return -1;
    if (WEXITSTATUS(status) == 127)
        return -1;
    return WEXITSTATUS(status);
}
