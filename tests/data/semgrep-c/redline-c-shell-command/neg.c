#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int compress_file(const char *path)
{
    pid_t pid = fork();
    if (pid == 0) {
        execlp("gzip", "gzip", "--", path, (char *)NULL);
        _exit(127);
    }
    int status;
    if (pid < 0 || waitpid(pid, &status, 0) < 0)
        return -1;
    return system("sync") == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}
