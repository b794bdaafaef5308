using System.Reflection;
using System.Runtime.InteropServices;
using Eoi.Cuda.Native;

namespace Eoi.Cuda.Tests;

/// <summary>Every [LibraryImport] in Eoi.Cuda.Native, found by reflection (so a new declaration is covered
/// without touching this file), is exported by the real library it names: a misspelled or version-renamed
/// symbol fails here instead of as an EntryPointNotFoundException on a GPU. A library that is not installed
/// skips with the probe's reason (scripts/install-cuda-libs.sh installs CUDA 11.8's on Debian 12).</summary>
public class EntryPointTests
{
    /// <summary>(import name, exported symbol) of every declaration in the assembly.</summary>
    static readonly (string Library, string Symbol)[] Imports =
    [
        .. typeof(CudaLibraries).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(method => (Method: method, Import: method.GetCustomAttribute<LibraryImportAttribute>()))
            .Where(pair => pair.Import is not null)
            .Select(pair => (pair.Import!.LibraryName, pair.Import.EntryPoint ?? pair.Method.Name)),
    ];

    public static TheoryData<CudaLibrary> Libraries => new(Enum.GetValues<CudaLibrary>());

    [Fact]
    public void Every_import_names_one_of_the_four_libraries()
    {
        Assert.NotEmpty(Imports);
        Assert.All(Imports, import => Assert.True(CudaLibraryInfo.ByImportName(import.Library) is not null,
            $"{import.Symbol} is imported from '{import.Library}', which no CudaLibraryInfo resolves"));
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Every_import_is_exported_by_the_real_library(CudaLibrary library)
    {
        var info = CudaLibraryInfo.Of(library);
        string[] symbols = [.. Imports.Where(import => import.Library == info.ImportName).Select(import => import.Symbol)];
        Assert.NotEmpty(symbols);
        var loaded = CudaLibraries.Load(library);
        Assert.SkipUnless(loaded.IsLoaded, $"CUDA unavailable: {loaded.FailureReason}");

        string[] missing = [.. symbols.Where(symbol => !NativeLibrary.TryGetExport(loaded.Handle, symbol, out _))];

        Assert.True(missing.Length == 0,
            $"{loaded.LoadedPath} does not export {string.Join(", ", missing)} ({symbols.Length - missing.Length} of {symbols.Length} found)");
    }
}
