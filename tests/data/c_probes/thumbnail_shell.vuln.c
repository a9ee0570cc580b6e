#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int make_thumbnail(const char *upload_name, int size)
{
    char cmd[512];
    int rc;

    if (size <= 0 || size > 1024)
        return -1;
    if (strlen(upload_name) > 200)
        return -1;
    snprintf(cmd, sizeof(cmd), "convert /var/uploads/%s -resize %dx%d /var/thumbs/%s.png",
             upload_name, size, size, upload_name);
    rc = system(cmd);
    return rc == 0 ? 0 : -1;
}
