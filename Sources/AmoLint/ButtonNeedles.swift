/// The core's needle prefilter, for callers that hold bytes in their own buffer
/// (the command line reads each file of a tree into one reused buffer): a file
/// for which this is false gives no diagnostics, so it needs no `SourceFile`,
/// no copy and no `Document`. It is the very test `Document` starts with.
public enum ButtonNeedles {
    public static func mayHoldButton(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        Needles.mayHoldButton(bytes)
    }
}
