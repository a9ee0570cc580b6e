#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define SPOOL_DIR "/var/spool/relay"

struct request {
    char msg_id[128];
    int flags;
};

int spool_delete(const struct request *req)
{
    char path[512];

    if (req->msg_id[0] == '\0' || strchr(req->msg_id, '/') != NULL || strstr(req->msg_id, "..") != NULL)
        return -1;
    snprintf(path, sizeof(path), "%s/%s", SPOOL_DIR, req->msg_id);
    return unlink(path);
}
