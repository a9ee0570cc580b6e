#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int mail_notice(const char *to, const char *body)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        dup2(fds[0], 0);
        close(fds[0]);
        close(fds[1]);
        char *argv[] = {"sendmail", "-i", (char *)to, NULL};
        execvp("sendmail", argv);
        _exit(127);
    }
    close(fds[0]);
    FILE *w = fdopen(fds[1], "w");
    if (w == NULL)
        return -1;
    fputs(body, w);
    fclose(w);
    int status;
    if (waitpid(pid, &status, 0) < 0)
        return -1;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}
