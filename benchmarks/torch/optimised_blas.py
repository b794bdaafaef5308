"""Makes sure PyTorch's matrix products run on an optimised BLAS, and says which one, for every PyTorch
baseline under benchmarks/.

Debian's python3-torch links the generic libblas.so.3, which the alternatives system points at the reference
BLAS unless an optimised one (e.g. libopenblas0-pthread) is installed; the reference BLAS made the 7-layer MLP
2.5x slower. torch.__config__.show() reports BLAS_INFO=generic either way on Debian (a build-time field: the
package is built against the generic interface), so the library actually loaded is read from /proc/self/maps
after a product. If it is the reference BLAS, the script installs libopenblas0-pthread with apt-get (as root)
and restarts itself; otherwise it stops with an error saying what to install.

Usage: call require() right after importing torch; it returns a one-line description of the BLAS in use, to
print with the results (config() gives torch.__config__.show() in full).
"""
import os
import subprocess
import sys

OPTIMISED_NAMES = ("openblas", "mkl", "blis", "atlas")
OPTIMISED_PACKAGE = "libopenblas0-pthread"
RESTART_FLAG = "EOI_BLAS_INSTALL_TRIED"


def loaded_blas(torch):
    """Paths of the BLAS/LAPACK libraries mapped into this process after one matrix product."""
    a = torch.ones(64, 64)
    (a @ a).sum().item()
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "blas" in line.lower() or "lapack" in line.lower()}
    return sorted(p for p in paths if p.startswith("/"))


def is_reference(paths):
    return not any(name in path for path in paths for name in OPTIMISED_NAMES)


def require(torch):
    paths = loaded_blas(torch)
    if not is_reference(paths):
        return "BLAS in use: " + ", ".join(paths)
    if os.environ.get(RESTART_FLAG) or os.geteuid() != 0:
        sys.exit(f"error: PyTorch runs on the reference BLAS ({', '.join(paths) or 'none found'}); install an optimised one, "
                 f"e.g. apt-get install {OPTIMISED_PACKAGE}, before measuring a baseline")
    print(f"PyTorch runs on the reference BLAS; installing {OPTIMISED_PACKAGE} and restarting", file=sys.stderr)
    subprocess.run(["apt-get", "-o", "DPkg::Lock::Timeout=600", "install", "-y", OPTIMISED_PACKAGE], check=True)
    os.environ[RESTART_FLAG] = "1"
    os.execv(sys.executable, [sys.executable] + sys.argv)


def config(torch):
    return torch.__config__.show()
