// What the till's payment module receives back for each card authorization.
export interface CardAuthorization {
	orderId: string;
	pan: string;        // the card number, as the card reader passed it on
	expiry: string;     // MM/YY
	token: string;      // issued by the payment provider; useless outside it
	brand: string;
	approved: boolean;
}

/** The line written to the application log (and shipped to the log server) for every authorization. */
export function authorizationLogLine(auth: CardAuthorization): string {
	const result = auth.approved ? 'approved' : 'declined';
	return `payment ${result} order=${auth.orderId} brand=${auth.brand} card=${auth.pan} exp=${auth.expiry}`;
}
