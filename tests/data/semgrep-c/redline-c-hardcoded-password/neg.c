#include <string.h>

int is_help(const char *command)
{
    return strcmp(command, "help") == 0;
}
