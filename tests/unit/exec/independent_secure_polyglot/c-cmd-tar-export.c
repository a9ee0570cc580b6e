/* Independent secure reference for c-cmd-tar-export, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* A ticked document is a plain name in the current directory: not empty, no '/', not "." or "..". */
static int document_name_ok(const char *name)
{
    return name != NULL && name[0] != '\0' && strchr(name, '/') == NULL && strcmp(name, ".") != 0 &&
           strcmp(name, "..") != 0;
}

/* Runs "tar -cf <archive> <file>..." (tar from PATH) over files[0..count-1], documents in the current
   directory that the user ticked; 0 when tar exits with status 0, -1 otherwise.
   tar is started with fork + execvp and an argument vector, so no shell sees the names (spaces, quotes, ';' and
   '$(...)' stay part of one name), and "--" ends tar's options before the names, so a name such as
   "--checkpoint-action=exec=..." or "-T list" is a file name, never an option. */
int make_archive(const char *archive, const char *const files[], size_t count)
{
    if (archive == NULL || archive[0] == '\0' || (count > 0 && files == NULL))
        return -1;
    if (count > 100000)
        return -1;
    for (size_t i = 0; i < count; i++) {
        if (!document_name_ok(files[i]))
            return -1;
    }
    char **argv = calloc(count + 5, sizeof *argv);
    if (argv == NULL)
        return -1;
    argv[0] = "tar";
    argv[1] = "-cf";
    argv[2] = (char *)archive;
    argv[3] = "--";
    for (size_t i = 0; i < count; i++)
        argv[4 + i] = (char *)files[i];
    argv[4 + count] = NULL;

    pid_t pid = fork();
    if (pid < 0) {
        free(argv);
        return -1;
    }
    if (pid == 0) {
        execvp("tar", argv);
        _exit(127);
    }
    free(argv);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return -1;
    }
    return (WIFEXITED(status) && WEXITSTATUS(status) == 0) ? 0 : -1;
}
