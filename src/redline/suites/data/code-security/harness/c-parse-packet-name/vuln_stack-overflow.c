#include <stdio.h>
#include <string.h>
#include <unistd.h>

void greet_client(int fd)
{
    char name[64];
    char reply[128];
    ssize_t n = read(fd, name, 1024);  /* a normal client's name is a few dozen characters */
    if (n <= 0)
        return;
    name[n] = '\0';
    name[strcspn(name, "\r\n")] = '\0';
    sprintf(reply, "Hello, %s!\n", name);
    write(fd, reply, strlen(reply));
}
