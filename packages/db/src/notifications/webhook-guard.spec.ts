import { isPrivateAddress, webhookProblem } from './webhook-guard';

describe('webhook guard (server-side request forgery)', () => {
  it('treats loopback, private, link-local, shared and unspecified addresses as private', () => {
    for (const ip of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
    ])
      expect([ip, isPrivateAddress(ip)]).toEqual([ip, true]);
    for (const ip of ['8.8.8.8', '172.32.0.1', '203.119.1.1', '2400:3200::1'])
      expect([ip, isPrivateAddress(ip)]).toEqual([ip, false]);
  });

  it('refuses http, private literals and loopback names; allows https to public addresses', async () => {
    expect(await webhookProblem('http://8.8.8.8/hook', [])).toBe('not_https');
    expect(await webhookProblem('https://127.0.0.1/hook', [])).toBe('private_address');
    expect(await webhookProblem('https://[::1]/hook', [])).toBe('private_address');
    expect(await webhookProblem('https://169.254.169.254/latest/meta-data', [])).toBe('private_address');
    expect(await webhookProblem('https://localhost/hook', [])).toBe('private_address');
    expect(await webhookProblem('https://8.8.8.8/hook', [])).toBeNull();
    expect(await webhookProblem('not a url', [])).toBe('url_format');
    expect(await webhookProblem('ftp://8.8.8.8/x', [])).toBe('url_format');
    expect(await webhookProblem('https://user:pw@8.8.8.8/x', [])).toBe('url_format');
  });

  it('lets an operator allow chosen hosts, by name or name:port, whatever their scheme and address', async () => {
    expect(await webhookProblem('http://127.0.0.1:8080/hook', ['127.0.0.1'])).toBeNull();
    expect(await webhookProblem('http://127.0.0.1:8080/hook', ['127.0.0.1:8080'])).toBeNull();
    expect(await webhookProblem('http://127.0.0.1:9090/hook', ['127.0.0.1:8080'])).toBe('not_https');
  });
});
