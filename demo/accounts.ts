/** The demo provider's people. Passwords are public on purpose: this server only ever runs on loopback. */
export interface DemoAccount {
  id: string;
  login: string;
  password: string;
  firstName: string;
  lastName: string;
  email: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    id: '1001',
    login: 'demo',
    password: 'demo',
    firstName: 'Dana',
    lastName: 'Demo',
    email: 'dana@demo.test',
  },
  {
    id: '1002',
    login: 'sam',
    password: 'sam-password',
    firstName: 'Sam',
    lastName: 'Rivera',
    email: 'sam@demo.test',
  },
];

export function findAccountById(id: string): DemoAccount | undefined {
  return DEMO_ACCOUNTS.find((account) => account.id === id);
}

export function checkPassword(login: string, password: string): DemoAccount | undefined {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.login === login.trim());
  return account && account.password === password ? account : undefined;
}

/** `GET /v3/users/me/` in Eventbrite's shape. */
export function toEventbriteUser(account: DemoAccount) {
  return {
    id: account.id,
    name: `${account.firstName} ${account.lastName}`,
    first_name: account.firstName,
    last_name: account.lastName,
    is_public: false,
    image_id: null,
    emails: [{ email: account.email, verified: true, primary: true }],
  };
}
