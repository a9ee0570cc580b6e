#include <fcntl.h>
#include <stdio.h>

int write_cache(const char *user, const char *data)
{
    char path[256];
    snprintf(path, sizeof path, "/tmp/appcache-%s.dat", user);
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fputs(data, f);
    return fclose(f);
}

int other(void)
{
    return open("/tmp/app.lock", O_WRONLY | O_CREAT, 0644);
}
