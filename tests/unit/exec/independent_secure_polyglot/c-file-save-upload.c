/* Independent secure reference, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

/* A client-chosen name must be a single plain path component. */
static int name_ok(const char *name)
{
    if (name == NULL || name[0] == '\0' || name[0] == '.' || strlen(name) > 255)
        return 0;
    for (const char *p = name; *p; p++) {
        if (*p == '/' || *p == '\\' || (unsigned char)*p < 0x20 || *p == 0x7f)
            return 0;
    }
    return 1;
}

int save_upload(const char *upload_dir, const char *filename, const unsigned char *data, size_t len)
{
    if (upload_dir == NULL || !name_ok(filename) || (data == NULL && len > 0))
        return -1;
    int dirfd = open(upload_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirfd < 0)
        return -1;
    int fd = openat(dirfd, filename, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0640);
    if (fd < 0) {
        close(dirfd);
        return -1;
    }
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            close(fd);
            unlinkat(dirfd, filename, 0);
            close(dirfd);
            return -1;
        }
        off += (size_t)w;
    }
    int rc = close(fd);
    if (rc != 0)
        unlinkat(dirfd, filename, 0);
    close(dirfd);
    return rc == 0 ? 0 : -1;
}
