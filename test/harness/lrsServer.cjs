// Runs Learning Locker's LRS (xapi-statements, installed into .vscode-test/lrs/ by installLrs.sh) in memory on
// 127.0.0.1 for the tests, as a child process they fork. Its own options keep everything in memory with its test
// auth; this wrapper adds what the tests need on top: only 127.0.0.1, a check that every request carries the
// expected Authorization header (LRS_TEST_AUTHORIZATION), and an outage on demand: the message 'down' closes the
// port (connections refused) while the statements stay in memory, 'up' opens it again.
'use strict';
const http = require('node:http');
const path = require('node:path');

const expected = process.env.LRS_TEST_AUTHORIZATION;
const port = Number(process.env.EXPRESS_PORT);
const sockets = new Set();
let server;

const createServer = http.createServer;
http.createServer = function (app) {
	return createServer.call(http, (req, res) => {
		if (expected && req.headers.authorization !== expected) {
			res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"message":"Unauthorised"}');
			return;
		}
		app(req, res);
	});
};
const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (_port, ...rest) {
	server = this;
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	return listen.call(this, port, '127.0.0.1', ...rest.filter((arg) => typeof arg === 'function'));
};

process.on('message', (message) => {
	if (message === 'down') {
		server.close(() => process.send('down'));
		for (const socket of sockets) {
			socket.destroy();
		}
	} else if (message === 'up') {
		listen.call(server, port, '127.0.0.1', () => process.send('up'));
	}
});

require(path.join(process.env.LRS_PREFIX, 'node_modules', 'xapi-statements', 'dist', 'server'));
