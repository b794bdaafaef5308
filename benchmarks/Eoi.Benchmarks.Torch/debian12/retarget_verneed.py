"""Point libLibTorchSharp's version requirement GLIBCXX_3.4.32 at GLIBCXX_3.4.30 (present on Debian 12).
The only symbol that needed 3.4.32, std::ios_base_library_init, is unversioned by patchelf and supplied
by libios_init_shim.so through LD_PRELOAD."""
import struct, sys

path, old, new = sys.argv[1], b"GLIBCXX_3.4.32", b"GLIBCXX_3.4.30"
data = bytearray(open(path, "rb").read())
e_shoff, = struct.unpack_from("<Q", data, 0x28)
e_shentsize, e_shnum, e_shstrndx = struct.unpack_from("<HHH", data, 0x3A)
sections = [struct.unpack_from("<IIQQQQIIQQ", data, e_shoff + i * e_shentsize) for i in range(e_shnum)]
shstr = sections[e_shstrndx][4]
name = lambda off, base: bytes(data[base + off: data.index(b"\0", base + off)])
by_name = {name(s[0], shstr): s for s in sections}
verneed, dynstr = by_name[b".gnu.version_r"], by_name[b".dynstr"][4]

def elf_hash(s):
    h = 0
    for c in s:
        h = ((h << 4) + c) & 0xFFFFFFFF
        g = h & 0xF0000000
        if g: h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h

entries, offset = [], verneed[4]
for _ in range(verneed[7]):  # sh_info = number of Verneed entries
    _, cnt, _, aux, nxt = struct.unpack_from("<HHIII", data, offset)
    a = offset + aux
    for _ in range(cnt):
        h, flags, other, vname, anext = struct.unpack_from("<IHHII", data, a)
        entries.append((a, vname, name(vname, dynstr)))
        a += anext
    offset += nxt
target = next(e for e in entries if e[2] == new)
for a, vname, n in entries:
    if n == old:
        struct.pack_into("<I", data, a, elf_hash(new))
        struct.pack_into("<I", data, a + 8, target[1])
        print(f"retargeted {old.decode()} -> {new.decode()}")
open(path, "wb").write(data)
