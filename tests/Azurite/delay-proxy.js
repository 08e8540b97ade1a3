// A loopback HTTP proxy that holds every request for a fixed delay before passing it on: storage latency for the
// blob journal's tests and measurements. Usage: node delay-proxy.js <listen port> <target port> <delay ms>
'use strict';
const http = require('http');

const [listenPort, targetPort, delayMs] = process.argv.slice(2).map(Number);
const agent = new http.Agent({ keepAlive: true });

http.createServer((request, response) => {
  const body = [];
  request.on('data', chunk => body.push(chunk));
  request.on('end', () => setTimeout(() => {
    const upstream = http.request(
      { host: '127.0.0.1', port: targetPort, method: request.method, path: request.url, headers: request.headers, agent },
      answer => {
        response.writeHead(answer.statusCode, answer.headers);
        answer.pipe(response);
      });
    upstream.on('error', () => response.destroy());
    upstream.end(Buffer.concat(body));
  }, delayMs));
}).listen(listenPort, '127.0.0.1');
