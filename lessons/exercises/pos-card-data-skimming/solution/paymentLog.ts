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
	// The token and the last four digits are enough to find a payment again; the card number and the
	// expiry date never reach a log.
	return `payment ${result} order=${auth.orderId} brand=${auth.brand} token=${auth.token} last4=${auth.pan.slice(-4)}`;
}
