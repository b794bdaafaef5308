using Eoi.Backends;

namespace Eoi.Autograd;

/// <summary>
/// Reverse-mode differentiation over the recorded graph. The graph is ordered with an explicit stack rather
/// than recursion, so depth is bounded by memory, not by the thread's stack: a 1000-layer network is as
/// safe as a 3-layer one.
/// </summary>
static class BackwardWalk
{
    public static void Run(Tensor root, Action<DeviceBuffer> writeSeed)
    {
        var order = OutputsBeforeInputs(root);
        using var _ = GradMode.Disable();
        root.AccumulateGrad(writeSeed);
        foreach (var tensor in order)
        {
            // A tensor's gradient is complete once every tensor computed from it has run: the order guarantees that.
            if (tensor.Node is { } node && tensor.Grad is { } grad)
                node.Backward(grad);
            tensor.ReleaseIntermediateGrad();
        }
    }

    /// <summary>Reverse post-order of a depth-first search from <paramref name="root"/>: every tensor comes
    /// after all the tensors computed from it.</summary>
    static List<Tensor> OutputsBeforeInputs(Tensor root)
    {
        var visited = new HashSet<Tensor>(ReferenceEqualityComparer.Instance) { root };
        var postOrder = new List<Tensor>();
        var stack = new Stack<(Tensor Tensor, int NextInput)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (tensor, next) = stack.Pop();
            var inputs = tensor.Node?.Inputs ?? [];
            if (next == inputs.Length)
            {
                postOrder.Add(tensor);
                continue;
            }
            stack.Push((tensor, next + 1));
            if (visited.Add(inputs[next])) stack.Push((inputs[next], 0));
        }
        postOrder.Reverse();
        return postOrder;
    }
}
