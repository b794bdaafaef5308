using System.Diagnostics;
using Eoi.Core;

namespace Eoi.IO;

/// <summary>Reads and writes one array, choosing the format by the file's extension (case-insensitive).</summary>
public static class MatrixFile
{
    /// <summary>The tensor a single-array safetensors file holds (and the one chosen when a file holds several).</summary>
    public const string TensorName = "weight";

    /// <summary>The extensions <see cref="Read"/> and <c>Write</c> accept: .npy, .safetensors, .mtx.</summary>
    public static IReadOnlyList<string> SupportedExtensions { get; } = [".npy", ".safetensors", ".mtx"];

    /// <summary>The array in <paramref name="path"/>, read by the format its extension names; a malformed file
    /// throws an error naming the file and what is wrong with it.</summary>
    public static NdArray Read(string path)
    {
        switch (FormatOf(path))
        {
            case ".npy":
                return NpyFile.Read(path);
            case ".mtx":
                return MatrixMarketFile.Read(path);
            case ".safetensors":
                var tensors = SafetensorsFile.Read(path).Tensors;
                if (tensors.TryGetValue(TensorName, out var weight))
                    return weight;
                if (tensors.Count == 1)
                    return tensors.Values.Single();
                throw new EoiFormatException(path,
                    $"holds {tensors.Count} tensors and none is named '{TensorName}', so which one to read is ambiguous; tensors: " +
                    (tensors.Count == 0 ? "(none)" : string.Join(", ", tensors.Keys.Select(k => $"'{k}'"))));
            default:
                throw new UnreachableException();
        }
    }

    /// <summary>Writes <paramref name="array"/>; a safetensors file gets it as the tensor "weight", a Matrix
    /// Market file needs a 2-D array.</summary>
    public static void Write(string path, NdArray array)
    {
        Guard.NotNull(array, nameof(array));
        switch (FormatOf(path))
        {
            case ".npy":
                NpyFile.Write(path, array);
                break;
            case ".mtx":
                MatrixMarketFile.Write(path, array);
                break;
            case ".safetensors":
                SafetensorsFile.Write(path, new Dictionary<string, NdArray> { [TensorName] = array });
                break;
            default:
                throw new UnreachableException();
        }
    }

    static string FormatOf(string path)
    {
        Guard.NotNull(path, nameof(path));
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (!SupportedExtensions.Contains(extension))
            throw new EoiArgumentException(nameof(path),
                $"cannot tell the file format of '{path}' from its extension ({(extension.Length == 0 ? "none" : extension)}); supported: {string.Join(", ", SupportedExtensions)}");
        return extension;
    }
}
