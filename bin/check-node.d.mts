export function requiredNode(): [number, number, number];
export function nodeProblem(version: string, env: Record<string, string | undefined>): string | null;
