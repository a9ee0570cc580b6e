#include <stdio.h>
#include <stdlib.h>

struct msg {
    int id;
    char *body;
};

int send_body(int fd, const char *body);

int deliver(int fd, struct msg *m)
{
    int rc = send_body(fd, m->body);

    if (rc < 0) {
        free(m->body);
        free(m);
    }
    printf("message %d delivered rc=%d\n", m->id, rc);
    return rc;
}
