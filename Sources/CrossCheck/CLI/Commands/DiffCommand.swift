/// `crosscheck diff`: Word-level diff of two variants, section-aligned. (Not built yet.)
public enum DiffCommand: Command {
    public static let name = "diff"
    public static let summary = "Word-level diff of two variants, section-aligned"
    public static let help = "Usage: crosscheck diff ...\n\nWord-level diff of two variants, section-aligned."
    public static let spec = ArgumentSpec()
    public static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CrossCheckError) -> Int32 {
        throw .usage("crosscheck diff: not implemented yet")
    }
}
