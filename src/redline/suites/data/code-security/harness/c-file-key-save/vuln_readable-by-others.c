#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int save_private_key(const char *path, const char *pem)
{
    FILE *f = fopen(path, "w");
    if (f == NULL)
        return -1;
    if (fputs(pem, f) == EOF) {
        fclose(f);
        return -1;
    }
    return fclose(f) == 0 ? 0 : -1;
}
