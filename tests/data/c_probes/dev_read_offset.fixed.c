#include <errno.h>
#include <stddef.h>
#include <sys/types.h>

struct fw_blob {
    const char *data;
    size_t size;
};

extern unsigned long copy_to_user(void *to, const void *from, unsigned long n);

ssize_t fw_read(const struct fw_blob *fw, char *ubuf, size_t count, long long *ppos)
{
    long long off = *ppos;

    if (off < 0)
        return -EINVAL;
    if (off >= (long long)fw->size)
        return 0;
    if (count > fw->size - off)
        count = fw->size - off;
    if (copy_to_user(ubuf, fw->data + off, count))
        return -EFAULT;
    *ppos = off + count;
    return (ssize_t)count;
}
