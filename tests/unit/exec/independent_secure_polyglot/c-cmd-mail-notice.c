/* Independent secure reference for c-cmd-mail-notice, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* A plain address: local@domain, local of letters, digits and . _ % + -, domain of dot-separated labels of
   letters, digits and -. It never starts with '-' (so sendmail cannot read it as an option such as -C or -X)
   and holds no space, quote or shell character. */
static int address_ok(const char *to)
{
    size_t len = strlen(to);
    if (len == 0 || len > 254 || to[0] == '-')
        return 0;
    const char *at = strchr(to, '@');
    if (at == NULL || at == to || strchr(at + 1, '@') != NULL || at[1] == '\0')
        return 0;
    for (const char *p = to; p < at; p++) {
        char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
              c == '%' || c == '+' || c == '-'))
            return 0;
    }
    const char *d = at + 1;
    if (*d == '.' || *d == '-' || to[len - 1] == '.' || to[len - 1] == '-')
        return 0;
    for (const char *p = d; *p != '\0'; p++) {
        char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'))
            return 0;
        if (c == '.' && (p[1] == '.' || p[1] == '-' || p[-1] == '-'))
            return 0;
    }
    return 1;
}

static int write_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t w = write(fd, buf, len);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        buf += w;
        len -= (size_t)w;
    }
    return 0;
}

/* Runs "sendmail -i <to>" (sendmail from PATH) with body on its standard input; 0 when it exits with
   status 0, -1 otherwise. to is the address the user typed into their profile.
   No shell is involved (fork + execvp with an argument vector), and the address is checked first. */
int mail_notice(const char *to, const char *body)
{
    if (to == NULL || body == NULL || !address_ok(to))
        return -1;
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    (void)fcntl(fds[1], F_SETFD, FD_CLOEXEC);

    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (pid == 0) {
        close(fds[1]);
        if (fds[0] != STDIN_FILENO) {
            if (dup2(fds[0], STDIN_FILENO) < 0)
                _exit(127);
            close(fds[0]);
        }
        char *const argv[] = {"sendmail", "-i", (char *)to, NULL};
        execvp("sendmail", argv);
        _exit(127);
    }
    close(fds[0]);

    /* A sendmail that exits before reading the whole body must not kill us with SIGPIPE. Whether the
       mail went out is sendmail's to say: the result is its exit status, even when it stopped reading. */
    struct sigaction ign, old;
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigemptyset(&ign.sa_mask);
    int restored = sigaction(SIGPIPE, &ign, &old) == 0;
    (void)write_all(fds[1], body, strlen(body));
    close(fds[1]);
    if (restored)
        (void)sigaction(SIGPIPE, &old, NULL);

    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return -1;
    }
    return (WIFEXITED(status) && WEXITSTATUS(status) == 0) ? 0 : -1;
}
