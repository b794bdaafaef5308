// Both layers below name their buffer DeviceBuffer: the interface's (an element-typed buffer of some backend)
// is the one this project means by it; the native one is a raw device allocation.
global using DeviceBuffer = Eoi.Core.Backend.DeviceBuffer;
global using DeviceAllocation = Eoi.Cuda.Native.DeviceBuffer;
