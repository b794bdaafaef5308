using BenchmarkDotNet.Running;

// BenchmarkDotNet normally builds and runs a generated child project, but TorchSharp refuses to load there:
// the child's deps.json does not list libtorch-cpu-linux-x64. So these benchmarks always run in process.
string[] arguments = args.Contains("--inProcess") ? args : [.. args, "--inProcess"];
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(arguments);
