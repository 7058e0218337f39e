/// `crosscheck align`: Section alignment of all variants of a set. (Not built yet.)
public enum AlignCommand: Command {
    public static let name = "align"
    public static let summary = "Section alignment of all variants of a set"
    public static let help = "Usage: crosscheck align ...\n\nSection alignment of all variants of a set."
    public static let spec = ArgumentSpec()
    public static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CrossCheckError) -> Int32 {
        throw .usage("crosscheck align: not implemented yet")
    }
}
