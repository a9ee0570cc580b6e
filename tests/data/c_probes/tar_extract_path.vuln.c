#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct tar_hdr {
    char name[100];
    char mode[8];
    char size[12];
};

int extract_member(const char *dest_dir, const struct tar_hdr *hdr, const char *data, size_t size)
{
    char path[4096];
    int fd;

    if (hdr->name[0] == '\0')
        return -1;
    snprintf(path, sizeof(path), "%s/%.100s", dest_dir, hdr->name);
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return -1;
    if (write(fd, data, size) != (ssize_t)size) {
        close(fd);
        return -1;
    }
    return close(fd);
}
