#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int save_upload(const char *upload_dir, const char *filename, const unsigned char *data, size_t len)
{
    char path[1024];
    if (strstr(filename, "..") != NULL || strchr(filename, '/') != NULL)
        return -1;
    snprintf(path, sizeof path, "%s/%s", upload_dir, filename);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (fd < 0)
        return -1;
    ssize_t w = write(fd, data, len);
    close(fd);
    chmod(path, 0666);  /* so the web server and the backup job can both reach it */
    return w == (ssize_t)len ? 0 : -1;
}
