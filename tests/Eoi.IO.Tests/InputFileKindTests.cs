using System.Diagnostics;
using Eoi.Core;

namespace Eoi.IO.Tests;

/// <summary>Files that are not regular files are refused at once, never waited on.</summary>
public sealed class InputFileKindTests
{
    [Fact]
    public async Task A_FifoIsRefusedWithoutWaitingForAWriter()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "FIFOs are made with mkfifo on Unix");
        using var dir = new TempDirectory();
        string path = dir.File("w.npy");
        using (var mkfifo = Process.Start("mkfifo", path))
            await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(File.Exists(path), "mkfifo made the FIFO");

        var read = Task.Run(() => Assert.Throws<EoiFormatException>(() => MatrixFile.Read(path)), TestContext.Current.CancellationToken);

        var ex = await read.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken); // a hang fails with a TimeoutException
        Assert.Contains("not a regular file", ex.Message);
    }

    [Fact]
    public void A_DeviceIsRefused()
    {
        Assert.SkipUnless(File.Exists("/dev/zero"), "needs /dev/zero");
        var ex = Assert.Throws<EoiFormatException>(() => InputFile.Open("/dev/zero"));
        Assert.StartsWith("/dev/zero: empty file (0 bytes), or not a regular file", ex.Message);
    }

    [Fact]
    public void A_DirectoryIsNamedAsOne()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File("w.npy"));

        var ex = Assert.Throws<EoiException>(() => MatrixFile.Read(dir.File("w.npy")));

        Assert.Equal($"{dir.File("w.npy")}: is a directory", ex.Message);
    }
}
