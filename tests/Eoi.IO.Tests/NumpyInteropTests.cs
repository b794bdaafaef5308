using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using Eoi.Core;

namespace Eoi.IO.Tests;

/// <summary>Files written here must load in numpy with the same bytes, and files numpy writes must load
/// here with the same values. Skipped, with the reason, where no Python with numpy is installed.</summary>
public sealed class NumpyInteropTests
{
    const string LoadOurFiles = """
        import sys, json, hashlib
        import numpy as np

        def describe(name, a):
            digest = hashlib.sha256(np.ascontiguousarray(a).tobytes()).hexdigest()
            print(json.dumps({"name": name, "dtype": a.dtype.str, "shape": list(a.shape), "sha256": digest}))

        folder, names = sys.argv[1], sys.argv[2:]
        for name in names:
            describe(name, np.load(f"{folder}/{name}.npy"))
        with open(f"{folder}/all.safetensors", "rb") as f:
            n = int.from_bytes(f.read(8), "little")
            header = json.loads(f.read(n).decode("utf-8"))
            buffer = f.read()
        dtypes = {"F64": "<f8", "F32": "<f4", "BOOL": "|b1", "U8": "|u1"}
        for name, entry in header.items():
            if name == "__metadata__":
                print(json.dumps({"metadata": entry}))
                continue
            begin, end = entry["data_offsets"]
            describe("safetensors:" + name, np.frombuffer(buffer[begin:end], dtype=dtypes[entry["dtype"]]).reshape(entry["shape"]))
        """;

    const string WriteNumpyFiles = """
        import sys, json
        import numpy as np

        folder = sys.argv[1]
        rng = np.random.default_rng(7)
        cases = [
            ("f64", rng.standard_normal((3, 4)), None),
            ("f32", rng.standard_normal((5, 2)).astype(np.float32), None),
            ("fortran", np.asfortranarray(rng.standard_normal((3, 4, 2))), None),
            ("fortran_f32", np.asfortranarray(rng.standard_normal((4, 3)).astype(np.float32)), None),
            ("fortran_bool", np.asfortranarray(rng.random((3, 5)) < 0.5), None),
            ("bool", rng.random((4, 5)) < 0.5, None),
            ("u8", (rng.random((2, 3)) < 0.5).astype(np.uint8), None),
            ("big", rng.standard_normal((2, 3)).astype(">f8"), None),
            ("big_f32", rng.standard_normal(7).astype(">f4"), None),
            ("special", np.array([-0.0, 5e-324, np.inf, -np.inf, 1.7976931348623157e308, np.nan]), None),
            ("scalar", np.array(2.5), None),
            ("empty", np.zeros((0, 3)), None),
            ("v2", rng.standard_normal((2, 2)), (2, 0)),
            ("v3", rng.standard_normal(3).astype(np.float32), (3, 0)),
        ]
        for name, a, version in cases:
            with open(f"{folder}/{name}.npy", "wb") as f:
                np.lib.format.write_array(f, a, version=version)
            with open(f"{folder}/{name}.expected", "wb") as f:
                f.write(np.ascontiguousarray(a, dtype="<f8").tobytes())
            print(json.dumps({"name": name, "dtype": a.dtype.str, "shape": list(a.shape), "fortran": bool(a.flags.f_contiguous and a.ndim > 1)}))
        """;

    [Fact]
    public void NumpyLoadsOurNpyAndSafetensorsFilesWithTheSameBytes()
    {
        string python = Python.Require();
        using var dir = new TempDirectory();
        var arrays = new Dictionary<string, NdArray>
        {
            ["f64"] = Arrays.Random([3, 4], ElementType.Float64, seed: 1),
            ["f32"] = Arrays.Random([2, 3, 2], ElementType.Float32, seed: 2),
            ["mask"] = Arrays.Random([5, 4], ElementType.Bool, seed: 3),
            ["awkward64"] = Arrays.Awkward(ElementType.Float64),
            ["awkward32"] = Arrays.Awkward(ElementType.Float32),
            ["scalar"] = new NdArray([], ElementType.Float64, [0.1]),
            ["vector"] = new NdArray([1], ElementType.Float64, [-0.0]),
            ["empty"] = new NdArray([0, 4], ElementType.Float32, []),
        };
        foreach (var (name, array) in arrays)
            NpyFile.Write(dir.File(name + ".npy"), array);
        SafetensorsFile.Write(dir.File("all.safetensors"), arrays, new Dictionary<string, string> { ["tool"] = "eoi" });

        string output = Python.Run(python, LoadOurFiles, [dir.Path, .. arrays.Keys]);

        var seen = new HashSet<string>();
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.TryGetProperty("metadata", out var metadata))
            {
                Assert.Equal("eoi", metadata.GetProperty("tool").GetString());
                continue;
            }
            string name = root.GetProperty("name").GetString()!;
            var array = arrays[name.Replace("safetensors:", "")];
            Assert.Equal(NumpyDtype(array.ElementType), root.GetProperty("dtype").GetString());
            Assert.Equal(array.Shape, root.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()));
            Assert.Equal(Sha256OfLittleEndianBytes(array), root.GetProperty("sha256").GetString());
            seen.Add(name);
        }
        Assert.Equal(2 * arrays.Count, seen.Count);
    }

    [Fact]
    public void WeReadNumpysNpyFilesExactly()
    {
        string python = Python.Require();
        using var dir = new TempDirectory();

        string output = Python.Run(python, WriteNumpyFiles, dir.Path);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(14, lines.Length);
        foreach (string line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            string name = root.GetProperty("name").GetString()!;
            var array = NpyFile.Read(dir.File(name + ".npy"));
            byte[] expected = File.ReadAllBytes(dir.File(name + ".expected"));

            Assert.Equal(DTypeOfNumpy(root.GetProperty("dtype").GetString()!), array.ElementType);
            Assert.Equal(root.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()), array.Shape);
            Assert.Equal(expected.Length / 8, array.Data.Length);
            for (int k = 0; k < array.Data.Length; k++)
                Assert.True(BinaryPrimitives.ReadInt64LittleEndian(expected.AsSpan(8 * k)) == BitConverter.DoubleToInt64Bits(array.Data[k]),
                    $"{name}[{k}]: numpy has {BinaryPrimitives.ReadDoubleLittleEndian(expected.AsSpan(8 * k)):R}, we read {array.Data[k]:R}");
        }
        Assert.Contains(lines, l => l.Contains("\"fortran\": true"));
    }

    static string NumpyDtype(ElementType dtype) => dtype switch { ElementType.Float32 => "<f4", ElementType.Float64 => "<f8", _ => "|b1" };

    static ElementType DTypeOfNumpy(string dtype) => dtype[1..] switch { "f4" => ElementType.Float32, "f8" => ElementType.Float64, _ => ElementType.Bool };

    static string Sha256OfLittleEndianBytes(NdArray array)
    {
        int size = array.ElementType switch { ElementType.Float64 => 8, ElementType.Float32 => 4, _ => 1 };
        var bytes = new byte[array.Data.Length * size];
        for (int k = 0; k < array.Data.Length; k++)
        {
            var slot = bytes.AsSpan(k * size, size);
            switch (array.ElementType)
            {
                case ElementType.Float64: BinaryPrimitives.WriteDoubleLittleEndian(slot, array.Data[k]); break;
                case ElementType.Float32: BinaryPrimitives.WriteSingleLittleEndian(slot, (float)array.Data[k]); break;
                default: slot[0] = (byte)array.Data[k]; break;
            }
        }
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
