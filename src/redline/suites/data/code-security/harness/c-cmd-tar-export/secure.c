#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* No shell: tar gets the names as its own argv entries, after "--" so none is read as an option. */
int make_archive(const char *archive, const char *const files[], size_t count)
{
    const char **argv = calloc(count + 5, sizeof *argv);
    if (argv == NULL)
        return -1;
    size_t k = 0;
    argv[k++] = "tar";
    argv[k++] = "-cf";
    argv[k++] = archive;
    argv[k++] = "--";
    for (size_t i = 0; i < count; i++)
        argv[k++] = files[i];
    argv[k] = NULL;
    pid_t pid = fork();
    if (pid < 0) {
        free(argv);
        return -1;
    }
    if (pid == 0) {
        execvp("tar", (char *const *)argv);
        _exit(127);
    }
    free(argv);
    int status;
    while (waitpid(pid, &status, 0) < 0)
        ;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}
