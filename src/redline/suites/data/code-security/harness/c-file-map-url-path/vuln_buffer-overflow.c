#include <string.h>

int map_url_path(const char *root, const char *url_path, char *out, size_t out_size)
{
    if (url_path[0] != '/' || strstr(url_path, "..") != NULL)
        return -1;
    if (strlen(root) + strlen(url_path) > out_size)
        return -1;
    strcpy(out, root);
    strcat(out, url_path);
    return 0;
}
