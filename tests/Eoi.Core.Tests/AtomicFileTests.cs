using Eoi.Core;

namespace Eoi.Core.Tests;

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

        Assert.Equal($"{path}: cannot write (its directory does not exist)", ex.Message);
        Assert.DoesNotContain(".tmp", ex.Message);
    }

    [Fact]
    public void Write_OverADirectory_SaysItIsADirectory()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File("out.bin"));

        var ex = Assert.Throws<EoiException>(() => AtomicFile.Write(dir.File("out.bin"), s => s.WriteByte(1)));

        Assert.Equal($"{dir.File("out.bin")}: is a directory", ex.Message);
    }

    [Fact]
    public void Batch_PublishesEveryFileOnlyAtCommit()
    {
        using var dir = new TempDirectory();
        using (var batch = AtomicFile.Batch())
        {
            AtomicFile.Write(dir.File("a.bin"), s => s.WriteByte(1));
            AtomicFile.Write(dir.File("b.bin"), s => s.WriteByte(2));
            Assert.DoesNotContain("a.bin", dir.FileNames());
            batch.Commit();
        }

        Assert.Equal(["a.bin", "b.bin"], dir.FileNames().Order());
    }

    [Fact]
    public void Batch_WhenOneFileCannotBeWritten_LeavesNoneOfThem()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("a.bin"), [9]);

        var ex = Assert.Throws<EoiException>(() =>
        {
            using var batch = AtomicFile.Batch();
            AtomicFile.Write(dir.File("a.bin"), s => s.WriteByte(1));
            AtomicFile.Write(Path.Combine(dir.Path, "missing", "b.bin"), s => s.WriteByte(2));
            batch.Commit();
        });

        Assert.Contains("b.bin: cannot write", ex.Message);
        Assert.Equal([9], File.ReadAllBytes(dir.File("a.bin")));
        Assert.Equal(["a.bin"], dir.FileNames());
        // The batch is closed: the next write publishes at once.
        AtomicFile.Write(dir.File("c.bin"), s => s.WriteByte(3));
        Assert.Contains("c.bin", dir.FileNames());
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
