#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int save_upload(const char *upload_dir, const char *filename, const unsigned char *data, size_t len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", upload_dir, filename);
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return -1;
    size_t n = fwrite(data, 1, len, f);
    fclose(f);
    return n == len ? 0 : -1;
}
