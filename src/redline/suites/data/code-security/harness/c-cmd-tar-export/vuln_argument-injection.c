#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int make_archive(const char *archive, const char *const files[], size_t count)
{
    char **argv = malloc((count + 4) * sizeof *argv);
    if (argv == NULL)
        return -1;
    argv[0] = "tar";
    argv[1] = "-cf";
    argv[2] = (char *)archive;
    for (size_t i = 0; i < count; i++)
        argv[3 + i] = (char *)files[i];
    argv[3 + count] = NULL;
    pid_t pid = fork();
    if (pid == 0) {
        execvp("tar", argv);
        _exit(127);
    }
    free(argv);
    int status;
    if (pid < 0 || waitpid(pid, &status, 0) < 0)
        return -1;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}
