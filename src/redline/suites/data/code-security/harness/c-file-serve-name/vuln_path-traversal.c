#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

long send_file(const char *base_dir, const char *name, int out_fd)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", base_dir, name);
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    char buf[4096];
    long total = 0;
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        write(out_fd, buf, n);
        total += (long)n;
    }
    fclose(f);
    return total;
}
