using System.IO.Compression;
using Eoi.Core;

namespace Eoi.IO;

/// <summary>
/// NumPy's .npz (numpy.savez / savez_compressed): a zip archive with one .npy member per array, named after
/// the array. Each member is read with <see cref="NpyFile"/>'s strict checks; a member of a dtype this
/// project does not decode (e.g. '&lt;i8') is listed without values.
/// </summary>
public static class NpzFile
{
    /// <summary>Every member of the .npz archive at <paramref name="path"/>, in archive order.</summary>
    public static IReadOnlyList<StoredTensor> Read(string path)
    {
        Guard.NotNull(path, nameof(path));
        using var input = InputFile.Open(path);
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(input.Stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            throw input.Error($"not a .npz (zip) archive: {ex.Message}");
        }
        using (archive)
        {
            string scratch = Directory.CreateTempSubdirectory("eoi-npz-").FullName;
            try
            {
                var tensors = new List<StoredTensor>();
                foreach (var entry in archive.Entries)
                {
                    if (!entry.FullName.EndsWith(".npy", StringComparison.Ordinal))
                        throw input.Error($"member '{entry.FullName}' is not a .npy array");
                    string member = Path.Combine(scratch, $"{tensors.Count}.npy");
                    try
                    {
                        entry.ExtractToFile(member);
                    }
                    catch (InvalidDataException ex)
                    {
                        throw input.Error($"member '{entry.FullName}' cannot be unpacked: {ex.Message}");
                    }
                    string name = entry.FullName[..^".npy".Length];
                    tensors.Add(ReadMember(member, name, path));
                    File.Delete(member);
                }
                return tensors;
            }
            finally
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    static StoredTensor ReadMember(string member, string name, string path)
    {
        try
        {
            var header = NpyFile.Describe(member);
            if (header.Supported)
            {
                var values = NpyFile.Read(member);
                return new StoredTensor(name, header.Descr, [.. values.Shape], values);
            }
            return new StoredTensor(name, header.Descr, header.Shape, null);
        }
        catch (EoiFormatException ex)
        {
            throw new EoiFormatException(path, $"member '{name}.npy': {ex.Message[(ex.Path.Length + 2)..]}");
        }
    }
}
