using FsCheck.Xunit;
namespace Eoi.Properties;
public class Smoke { [Property] public bool Comm(int a, int b) => a + b == b + a; }
