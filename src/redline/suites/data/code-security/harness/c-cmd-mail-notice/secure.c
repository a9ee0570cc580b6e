#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int mail_notice(const char *to, const char *body)
{
    if (to == NULL || to[0] == '\0' || to[0] == '-' || strchr(to, '@') == NULL)
        return -1;
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (pid == 0) {
        dup2(fds[0], STDIN_FILENO);
        close(fds[0]);
        close(fds[1]);
        execlp("sendmail", "sendmail", "-i", "--", to, (char *)NULL);
        _exit(127);
    }
    close(fds[0]);
    void (*old)(int) = signal(SIGPIPE, SIG_IGN);
    size_t len = strlen(body), done = 0;
    while (done < len) {
        ssize_t w = write(fds[1], body + done, len - done);
        if (w <= 0)
            break;
        done += (size_t)w;
    }
    close(fds[1]);
    signal(SIGPIPE, old);
    int status;
    if (waitpid(pid, &status, 0) < 0)
        return -1;
    return (WIFEXITED(status) && WEXITSTATUS(status) == 0 && done == len) ? 0 : -1;
}
