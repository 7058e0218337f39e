/// `crosscheck check`: Check a variant set for conflicts. (Not built yet.)
public enum CheckCommand: Command {
    public static let name = "check"
    public static let summary = "Check a variant set for conflicts"
    public static let help = "Usage: crosscheck check ...\n\nCheck a variant set for conflicts."
    public static let spec = ArgumentSpec()
    public static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CrossCheckError) -> Int32 {
        throw .usage("crosscheck check: not implemented yet")
    }
}
