import * as vscode from 'vscode';

/** A tree item as the view shows it: label, description, context value and (for groups) children. */
export interface TreeSnapshotNode {
	readonly id?: string;
	readonly label: string;
	readonly description?: string;
	/** What a screen reader says for the row (accessibilityInformation), when the item sets it. */
	readonly accessibilityLabel?: string;
	readonly contextValue?: string;
	/** A group the view shows closed until it is clicked open. */
	readonly collapsed?: true;
	readonly children?: readonly TreeSnapshotNode[];
}

/** Walks a tree provider the way the view does (getChildren, then getTreeItem), for the API and the tests. */
export async function snapshotTree<T>(provider: vscode.TreeDataProvider<T>, parent?: T): Promise<TreeSnapshotNode[]> {
	const children = (await provider.getChildren(parent)) ?? [];
	return Promise.all(children.map(async (child): Promise<TreeSnapshotNode> => {
		const item = await provider.getTreeItem(child);
		const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
		const nested = item.collapsibleState !== undefined && item.collapsibleState !== vscode.TreeItemCollapsibleState.None
			? { children: await snapshotTree(provider, child) } : {};
		return {
			...(item.id !== undefined ? { id: item.id } : {}),
			label,
			...(typeof item.description === 'string' ? { description: item.description } : {}),
			...(item.accessibilityInformation ? { accessibilityLabel: item.accessibilityInformation.label } : {}),
			...(item.contextValue !== undefined ? { contextValue: item.contextValue } : {}),
			...(item.collapsibleState === vscode.TreeItemCollapsibleState.Collapsed ? { collapsed: true } : {}),
			...nested,
		};
	}));
}
