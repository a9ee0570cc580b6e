#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int save_upload(const char *upload_dir, const char *filename, const unsigned char *data, size_t len)
{
    char path[4096];
    if (filename[0] == '\0' || strchr(filename, '/') != NULL || strcmp(filename, ".") == 0
        || strcmp(filename, "..") == 0)
        return -1;
    int n = snprintf(path, sizeof path, "%s/%s", upload_dir, filename);
    if (n < 0 || (size_t)n >= sizeof path)
        return -1;
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0640);
    if (fd < 0)
        return -1;
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0) {
            close(fd);
            return -1;
        }
        done += (size_t)w;
    }
    return close(fd) == 0 ? 0 : -1;
}
