namespace Eoi.Backends;

/// <summary>
/// A buffer seen as [Outer, Channels, Inner], row-major: how a per-channel bias meets its input. A dense
/// layer's [batch, features] output is (batch, features, 1); a convolution's [N, C, H, W] is (N, C, H*W);
/// a whole buffer summed to one number is (1, 1, length).
/// </summary>
public readonly record struct ChannelLayout(int Outer, int Channels, int Inner)
{
    public int Length => checked(Outer * Channels * Inner);
}
