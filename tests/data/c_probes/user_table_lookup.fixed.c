#include <stddef.h>
#include <sys/types.h>

struct user {
    const char *name;
    uid_t uid;
    gid_t gid;
};

struct user_table;

struct user *user_table_lookup(struct user_table *tbl, const char *name);

int resolve_owner(struct user_table *tbl, const char *name, uid_t *uid, gid_t *gid)
{
    struct user *u = user_table_lookup(tbl, name);

    if (u == NULL)
        return -1;
    *uid = u->uid;
    *gid = u->gid;
    return 0;
}
