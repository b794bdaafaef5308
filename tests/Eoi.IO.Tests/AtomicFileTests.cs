using Eoi.Core;

namespace Eoi.IO.Tests;

public sealed class AtomicFileTests
{
    [Fact]
    public void Write_CreatesTheFileAndLeavesNoTemporaryFile()
    {
        using var dir = new TempDirectory();
        string path = dir.File("out.bin");

        AtomicFile.Write(path, s => s.Write([1, 2, 3]));

        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
        Assert.Equal(["out.bin"], dir.FileNames());
    }

    [Fact]
    public void Write_ReplacesAnExistingFile()
    {
        using var dir = new TempDirectory();
        string path = dir.File("out.bin");
        File.WriteAllBytes(path, [9, 9, 9, 9, 9]);

        AtomicFile.Write(path, s => s.Write([7]));

        Assert.Equal([7], File.ReadAllBytes(path));
        Assert.Equal(["out.bin"], dir.FileNames());
    }

    [Fact]
    public void Write_WhenTheWriterThrows_KeepsTheOldFileAndRemovesTheTemporaryFile()
    {
        using var dir = new TempDirectory();
        string path = dir.File("out.bin");
        File.WriteAllBytes(path, [1, 2, 3]);

        var ex = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
        {
            s.Write(new byte[100_000]);
            throw new InvalidOperationException("writer failed");
        }));

        Assert.Equal("writer failed", ex.Message);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
        Assert.Equal(["out.bin"], dir.FileNames());
    }

    [Fact]
    public void Write_WhenTheWriterThrowsAndNoFileExisted_CreatesNothing()
    {
        using var dir = new TempDirectory();

        Assert.Throws<EoiArgumentException>(() => AtomicFile.Write(dir.File("out.bin"), _ => throw new EoiArgumentException("x", "bad")));

        Assert.Empty(dir.FileNames());
    }

    [Fact]
    public void Write_IntoAMissingDirectory_IsAnEoiExceptionNamingThePath()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "missing", "out.bin");

        var ex = Assert.Throws<EoiException>(() => AtomicFile.Write(path, s => s.WriteByte(1)));

        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void WriteText_UsesUtf8WithoutBomAndNewlineLineEnds()
    {
        using var dir = new TempDirectory();
        string path = dir.File("out.txt");

        AtomicFile.WriteText(path, w => { w.WriteLine("ä"); w.WriteLine("b"); });

        Assert.Equal([0xC3, 0xA4, (byte)'\n', (byte)'b', (byte)'\n'], File.ReadAllBytes(path));
    }

    [Fact]
    public void RemoveAbandoned_DeletesOnlyTheTemporaryFilesOfThatTarget()
    {
        using var dir = new TempDirectory();
        string path = dir.File("out.bin");
        File.WriteAllBytes(path, [1]);
        string abandoned = $".out.bin.{Guid.NewGuid():N}.tmp";
        dir.Write(abandoned, [2]);
        dir.Write($".other.bin.{Guid.NewGuid():N}.tmp", [3]);
        dir.Write(".out.bin.mine.tmp", [4]);

        Assert.Equal(1, AtomicFile.RemoveAbandoned(path));

        Assert.DoesNotContain(abandoned, dir.FileNames());
        Assert.Equal(4, dir.FileNames().Length + 1);
        Assert.Equal(0, AtomicFile.RemoveAbandoned(dir.File("missing/out.bin")));
    }
}
